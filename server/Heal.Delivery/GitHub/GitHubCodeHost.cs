using Heal.Delivery.Git;
using Octokit;

namespace Heal.Delivery.GitHub;

/// <summary>
/// GitHub through Octokit. For github.com the API is <c>https://api.github.com/</c>; any other URL is treated as
/// GitHub Enterprise (Octokit adds <c>/api/v3/</c>; GraphQL lives at <c>/api/graphql</c>).
/// </summary>
public sealed class GitHubCodeHost : ICodeHost
{
    private readonly GitHubClient _client;
    private readonly Uri _graphQl;
    private readonly GitCredentials _credentials;

    public GitHubCodeHost(Uri url, GitCredentials credentials)
    {
        _credentials = credentials;
        var isDotCom = url.Host is "github.com" or "api.github.com";
        _client = isDotCom
            ? new GitHubClient(new ProductHeaderValue("heal"))
            : new GitHubClient(new ProductHeaderValue("heal"), url);
        if (credentials.RevealForHttp() is { } token)
        {
            _client.Credentials = new Credentials(token);
        }

        _graphQl = isDotCom ? new Uri("https://api.github.com/graphql") : new Uri(url, "/api/graphql");
    }

    public async Task<PullRequestRef> CreatePullRequestAsync(NewPullRequestSpec spec, CancellationToken cancellationToken)
    {
        var (owner, name) = Split(spec.Repository);
        try
        {
            var created = await _client.PullRequest.Create(owner, name, new NewPullRequest(spec.Title, spec.Head, spec.Base) { Body = spec.Body, Draft = spec.Draft });
            return new PullRequestRef(spec.Repository, created.Number, created.HtmlUrl, created.NodeId);
        }
        catch (ApiException e)
        {
            throw new DeliveryException($"GitHub refused the pull request ({(int)e.StatusCode}): {_credentials.Redact(e.Message)}", e);
        }
    }

    public async Task AddLabelsAsync(PullRequestRef pullRequest, IReadOnlyList<string> labels, CancellationToken cancellationToken)
    {
        var (owner, name) = Split(pullRequest.Repository);
        try
        {
            await _client.Issue.Labels.AddToIssue(owner, name, pullRequest.Number, labels.ToArray());
        }
        catch (ApiException e)
        {
            throw new DeliveryException($"GitHub refused the labels ({(int)e.StatusCode}): {_credentials.Redact(e.Message)}", e);
        }
    }

    public async Task EnableAutoMergeAsync(PullRequestRef pullRequest, CancellationToken cancellationToken)
    {
        var body = new
        {
            query = "mutation($id: ID!) { enablePullRequestAutoMerge(input: { pullRequestId: $id, mergeMethod: SQUASH }) { pullRequest { number } } }",
            variables = new { id = pullRequest.NodeId },
        };
        try
        {
            var response = await _client.Connection.Post<Dictionary<string, object>>(_graphQl, body, "application/json", "application/json");
            if (response.Body is { } reply && reply.TryGetValue("errors", out var errors) && errors is not null)
            {
                throw new DeliveryException($"GitHub could not enable auto-merge: {_credentials.Redact(errors.ToString() ?? "error")}");
            }
        }
        catch (ApiException e)
        {
            throw new DeliveryException($"GitHub refused auto-merge ({(int)e.StatusCode}): {_credentials.Redact(e.Message)}", e);
        }
    }

    private static (string Owner, string Name) Split(string repository)
    {
        var parts = repository.Split('/');
        return parts.Length == 2 && parts.All(p => p.Length > 0)
            ? (parts[0], parts[1])
            : throw new DeliveryException($"'{repository}' is not OWNER/NAME");
    }
}
