using KnowledgeGraph.Extraction.Pipeline;

namespace KnowledgeGraph.Extraction.Relations;

/// <summary>
/// Someone holding a post in a unit the lexicon does not know, named with its parent's name (清华大学交叉信息研究院助理教授A,
/// 阿里云智能国际事业部总裁B, 三星电子DS部门负责人C), works for the parent too: the unit is a department, and the parent is
/// the employer a reader names. A unit the lexicon knows (Google DeepMind, FAIR) is an organization in its own right and adds nothing.
/// </summary>
public static class UnitEmployers
{
    public static void AddParents(Document document, List<(EntityCluster Unit, EntityCluster Parent)> units)
    {
        if (units.Count == 0) return;
        var posts = document.Relations.Where(r => r.Type == "WORKS_FOR").ToList();
        foreach (var (unit, parent) in units)
        {
            foreach (var post in posts.Where(p => p.Object == unit).ToList())
            {
                if (posts.Any(p => p.Subject == post.Subject && p.Object == parent)) continue;
                var atParent = post with { Object = parent };
                document.Relations.Add(atParent);
                posts.Add(atParent);
            }
        }
    }
}
