using System.CommandLine;
using KnowledgeGraph.Api;
using KnowledgeGraph.Cli.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace KnowledgeGraph.Cli;

/// <summary>
/// <c>kg serve</c>: the GraphQL service of src/KnowledgeGraph.Api, composed by the same code, in this process.
/// Settings come from the appsettings.json shipped beside kg, KG__* environment variables, then these options.
/// </summary>
public static class ServeCommand
{
    public const int ExitStartFailed = 2;

    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = $"Addresses to listen on (; separated); else ASPNETCORE_URLS, else {KnowledgeGraphService.DefaultUrl}" };
        var store = new StoreOptions();
        var command = new Command("serve", "Run the GraphQL service, dashboard and GraphiQL over the configured store") { urls };
        // Further settings as configuration arguments, e.g. --KG:LoadSamples=false or --KG:ApiKeys:0=secret.
        command.TreatUnmatchedTokensAsErrors = false;
        store.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var overrides = store.ConfigurationOverrides(result);
            if (result.GetValue(urls) is { } addresses) overrides[WebHostDefaults.ServerUrlsKey] = addresses;
            return await RunAsync([.. result.UnmatchedTokens], overrides, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(string[] configurationArgs, Dictionary<string, string?> overrides, CancellationToken cancellationToken)
    {
        WebApplication app;
        try
        {
            // appsettings.json, the dashboard (wwwroot) and GraphiQL are copied beside kg, wherever it is started from.
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = configurationArgs, ContentRootPath = AppContext.BaseDirectory });
            builder.Configuration.AddInMemoryCollection(overrides);
            app = KnowledgeGraphService.Build(builder);
        }
        catch (InvalidOperationException e)
        {
            await Console.Error.WriteLineAsync($"kg serve: {e.Message}");
            return ExitStartFailed;
        }
        await using (app)
        {
            try
            {
                await app.StartAsync(cancellationToken);
            }
            // The store unreachable, the port taken: say why and stop, rather than a stack trace.
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await Console.Error.WriteLineAsync($"kg serve: cannot start: {e.Message}");
                return ExitStartFailed;
            }
            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        }
    }
}
