using Microsoft.AspNetCore.Components;
using SiteBuilder.Theme;
using SiteBuilder.Theme.Components;

namespace SiteBuilder.Tests;

public class ComponentActivatorTests
{
    [Fact]
    public void ItCreatesANewInstanceOfTheComponentAskedFor()
    {
        var activator = new ComponentActivator();

        var first = activator.CreateInstance(typeof(ArticleView));
        var second = activator.CreateInstance(typeof(ArticleView));

        Assert.IsType<ArticleView>(first);
        Assert.NotSame(first, second);
    }

    [Fact]
    public void ATypeThatIsNotAComponentIsRefused()
    {
        Assert.Throws<ArgumentException>(() => new ComponentActivator().CreateInstance(typeof(string)));
    }
}
