using Microsoft.AspNetCore.Components;

namespace SiteBuilder.Theme;

/// <summary>
/// Creates components with their parameterless constructors. The framework's default activator supports constructor
/// injection by compiling an expression tree per component type on first use: ~0.05 s of every build (1,000 articles,
/// bench/RESULTS.md), for constructors that take nothing here (the theme's components get what they need as parameters).
/// </summary>
internal sealed class ComponentActivator : IComponentActivator
{
    public IComponent CreateInstance(Type componentType)
    {
        ArgumentNullException.ThrowIfNull(componentType);
        if (!typeof(IComponent).IsAssignableFrom(componentType))
        {
            throw new ArgumentException($"{componentType.FullName} is not a component.", nameof(componentType));
        }

        return (IComponent)Activator.CreateInstance(componentType)!;
    }
}
