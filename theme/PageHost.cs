using Microsoft.AspNetCore.Components;
using SiteBuilder.Model;

namespace SiteBuilder.Theme;

/// <summary>
/// The one root component of a worker's <see cref="Microsoft.AspNetCore.Components.Web.HtmlRenderer"/>. Each page replaces
/// the previous one under it (a fresh key, so a fresh component tree), so a renderer holds one page at a time however many
/// it renders; rendering every page as a new root component would keep all of them alive until the renderer is disposed.
/// </summary>
internal sealed class PageHost : IComponent
{
    private RenderHandle _handle;
    private int _sequence;

    /// <summary>Receives the instance when the renderer creates it.</summary>
    [Parameter] public Action<PageHost>? Register { get; set; }

    public void Attach(RenderHandle renderHandle) => _handle = renderHandle;

    public Task SetParametersAsync(ParameterView parameters)
    {
        parameters.SetParameterProperties(this);
        Register?.Invoke(this);
        _handle.Render(Empty);
        return Task.CompletedTask;
    }

    /// <summary>Renders <paramref name="page"/> with <paramref name="component"/>; call on the renderer's dispatcher.
    /// The theme's components are synchronous, so the page is complete when this returns.</summary>
    public void Show(Type component, SiteLayout layout, Page page, string? chartHtml = null)
    {
        var key = ++_sequence;
        _handle.Render(builder =>
        {
            builder.OpenComponent(0, component);
            builder.SetKey(key);
            builder.AddComponentParameter(1, nameof(SiteBuilder.Theme.Components.SiteShell.Layout), layout);
            builder.AddComponentParameter(2, nameof(SiteBuilder.Theme.Components.SiteShell.Page), page);
            if (chartHtml is not null)
            {
                builder.AddComponentParameter(3, nameof(SiteBuilder.Theme.Components.EntityView.ChartHtml), chartHtml);
            }

            builder.CloseComponent();
        });
    }

    /// <summary>Renders an entity's <see cref="SiteBuilder.Theme.Components.MentionsChart"/> alone; call on the renderer's dispatcher.</summary>
    public void ShowChart(string name, IReadOnlyList<MonthCount> months)
    {
        var key = ++_sequence;
        _handle.Render(builder =>
        {
            builder.OpenComponent<SiteBuilder.Theme.Components.MentionsChart>(0);
            builder.SetKey(key);
            builder.AddComponentParameter(1, nameof(SiteBuilder.Theme.Components.MentionsChart.Name), name);
            builder.AddComponentParameter(2, nameof(SiteBuilder.Theme.Components.MentionsChart.Months), months);
            builder.CloseComponent();
        });
    }

    /// <summary>Drops the last page's components.</summary>
    public void Clear() => _handle.Render(Empty);

    private static void Empty(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
    {
    }
}
