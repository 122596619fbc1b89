using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL;
using KnowledgeGraph.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Api.Tests;

public sealed class SchemaFileTests
{
    [Fact]
    public async Task The_schema_file_matches_the_schema_the_code_serves()
    {
        await using var factory = new ApiFactory();
        var served = SchemaSdl.Print(factory.Services.GetRequiredService<KnowledgeGraphSchema>());
        var file = Path.Combine(RepositoryRoot(), SchemaSdl.RepositoryPath);

        Assert.True(File.Exists(file), $"{file} is missing");
        var kept = (await File.ReadAllTextAsync(file)).ReplaceLineEndings("\n");
        Assert.True(kept == served,
            $"{SchemaSdl.RepositoryPath} differs from the schema in code; regenerate it with " +
            "`dotnet run --project src/KnowledgeGraph.Api -- --print-schema > graph-schema/schema.graphql`.");
    }

    [Fact]
    public void The_standalone_printer_prints_the_same_schema_as_the_service()
    {
        using var factory = new ApiFactory();
        Assert.Equal(SchemaSdl.Print(factory.Services.GetRequiredService<KnowledgeGraphSchema>()), SchemaSdl.PrintWithoutServices());
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "KnowledgeGraph.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException("KnowledgeGraph.sln not found above " + AppContext.BaseDirectory);
    }
}
