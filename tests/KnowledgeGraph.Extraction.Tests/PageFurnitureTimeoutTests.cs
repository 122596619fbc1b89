using KnowledgeGraph.Extraction.LanguageData;
using KnowledgeGraph.Extraction.Normalisation;

namespace KnowledgeGraph.Extraction.Tests;

public class PageFurnitureTimeoutTests
{
    [Fact]
    public void A_furniture_pattern_that_runs_past_its_timeout_keeps_the_line_instead_of_failing()
    {
        var directory = Directory.CreateTempSubdirectory("kg-furniture-");
        try
        {
            var folder = Directory.CreateDirectory(Path.Combine(directory.FullName, "normalisation"));
            // Nested quantifiers backtrack exponentially on a run of a's that cannot end the line.
            File.WriteAllText(Path.Combine(folder.FullName, "page-furniture.txt"), "^(a+)+$\n");
            File.WriteAllText(Path.Combine(folder.FullName, "link-list-openers.txt"), "^相关阅读$\n");
            var furniture = new PageFurniture(new LanguageResources(directory.FullName));

            Assert.False(furniture.IsFurniture(new string('a', 40) + "!"));
            Assert.True(furniture.IsFurniture("aaaa"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
