using System.Text.Json.Nodes;

namespace Heal.Testing;

/// <summary>
/// The one JSON mutation the parser property tests, the parser fuzz tests and the feed fuzzer share: pick a node of a
/// document at random and put another value in its place. Each caller brings its own replacements.
/// </summary>
public static class JsonMutation
{
    /// <summary>
    /// Replaces one node of <paramref name="root"/>, chosen uniformly among all its nodes, with what
    /// <paramref name="replacement"/> gives; returns false (and changes nothing) when the choice fell on the root itself.
    /// </summary>
    public static bool ReplaceRandomNode(JsonNode root, Random random, Func<Random, JsonNode?> replacement)
    {
        var all = Nodes(root);
        var target = all[random.Next(all.Count)];
        if (target.Parent is null)
        {
            return false;
        }

        var value = replacement(random);
        switch (target.Parent)
        {
            case JsonObject parent:
                parent[target.GetPropertyName()] = value;
                break;
            case JsonArray parent:
                parent[target.GetElementIndex()] = value;
                break;
        }

        return true;
    }

    /// <summary>Every non-null node of the tree, the root first, depth first.</summary>
    public static List<JsonNode> Nodes(JsonNode root)
    {
        var all = new List<JsonNode>();
        var pending = new Stack<JsonNode>();
        pending.Push(root);
        while (pending.TryPop(out var node))
        {
            all.Add(node);
            IEnumerable<JsonNode?> children = node switch
            {
                JsonObject obj => obj.Select(member => member.Value),
                JsonArray array => array,
                _ => [],
            };
            foreach (var child in children.Reverse())
            {
                if (child is not null)
                {
                    pending.Push(child);
                }
            }
        }

        return all;
    }
}
