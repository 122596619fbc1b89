using KnowledgeGraph.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.Tests;

/// <summary>KG:Http:InlineScheduling reaches Kestrel's socket transport, and only when it is set.</summary>
public sealed class InlineSchedulingTests
{
    [Fact]
    public async Task Requests_are_handed_to_the_thread_pool_unless_configured_otherwise()
    {
        await using var factory = new ApiFactory();
        factory.Client();

        Assert.False(factory.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value.UnsafePreferInlineScheduling);
    }

    [Fact]
    public async Task Inline_scheduling_is_turned_on_by_configuration()
    {
        await using var factory = new ApiFactory().With("KG:Http:InlineScheduling", "true");
        (await factory.Client().QueryAsync("{ stats { articles } }")).Ok();

        Assert.True(factory.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value.UnsafePreferInlineScheduling);
    }
}
