using Newtonsoft.Json.Linq;

namespace Heal.VisualStudio.Core.Settings;

/// <summary>
/// The <c>initializationOptions</c> of <c>initialize</c>, built exactly as VS Code builds them
/// (vscode-extension/src/config.ts <c>initializationOptions</c>): empty settings are left out so the server applies its
/// own default (the workspace's .heal/settings.json, then the default local store). No token is ever part of them.
/// </summary>
public static class InitializationOptions
{
    public static JObject Build(HealSettings settings)
    {
        var s = settings.Normalized();
        var options = new JObject();
        if (s.Store.Length > 0)
        {
            options["store"] = s.Store;
        }

        if (s.Jsonl.Length > 0)
        {
            options["jsonl"] = s.Jsonl;
        }

        // A Sentry-style backend replaces the store; its token is the server's HEAL_SENTRY_TOKEN, never sent from here.
        if (s.ImportOrganization.Length > 0 && s.ImportProject.Length > 0)
        {
            var sentry = new JObject();
            if (s.ImportBaseUrl.Length > 0)
            {
                sentry["url"] = s.ImportBaseUrl;
            }

            sentry["org"] = s.ImportOrganization;
            sentry["project"] = s.ImportProject;
            options["sentry"] = sentry;
        }

        var llm = new JObject { ["provider"] = s.LlmProvider };
        AddIfSet(llm, "endpoint", s.LlmEndpoint);
        AddIfSet(llm, "model", s.LlmModel);
        options["llm"] = llm;

        var codeHost = new JObject { ["url"] = s.CodeHostUrl };
        AddIfSet(codeHost, "repository", s.CodeHostRepository);
        options["codeHost"] = codeHost;
        return options;
    }

    private static void AddIfSet(JObject target, string name, string value)
    {
        if (value.Length > 0)
        {
            target[name] = value;
        }
    }
}
