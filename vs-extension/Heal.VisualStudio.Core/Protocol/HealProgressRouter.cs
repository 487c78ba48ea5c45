using System;
using System.Collections.Concurrent;
using System.Threading;
using Newtonsoft.Json.Linq;

namespace Heal.VisualStudio.Core.Protocol;

/// <summary>
/// Routes the server's <c>$/progress</c> notifications to the request that handed it the token (heal/heal and
/// heal/openPullRequest take a <c>workDoneToken</c>). Tokens are fresh GUIDs, so a message for another token is ignored.
/// </summary>
public sealed class HealProgressRouter
{
    private readonly ConcurrentDictionary<string, IProgress<string>> _listeners = new();

    /// <summary>A fresh token whose messages go to <paramref name="listener"/> until disposed; without a listener, no token.</summary>
    public ProgressToken Register(IProgress<string>? listener)
    {
        if (listener is null)
        {
            return new ProgressToken(null, this);
        }

        var token = "heal-vs-" + Guid.NewGuid().ToString("N");
        _listeners[token] = listener;
        return new ProgressToken(token, this);
    }

    /// <summary>Handles one <c>$/progress</c> params object (<c>{token, value: {kind, title?, message?}}</c>); true when it was ours.</summary>
    public bool Route(JToken? parameters)
    {
        if (parameters is not JObject { } message || message["token"] is not JValue { Value: { } token } || message["value"] is not JObject value)
        {
            return false;
        }

        if (!_listeners.TryGetValue(token.ToString(), out var listener))
        {
            return false;
        }

        var kind = (string?)value["kind"];
        var text = (string?)value["message"] ?? (kind == "begin" ? (string?)value["title"] : null);
        if (kind != "end" && !string.IsNullOrEmpty(text))
        {
            listener.Report(text!);
        }

        return true;
    }

    internal void Unregister(string token) => _listeners.TryRemove(token, out _);

    /// <summary>A registration: <see cref="Value"/> goes into the request; disposing it stops the routing.</summary>
    public sealed class ProgressToken(string? value, HealProgressRouter router) : IDisposable
    {
        private int _disposed;

        public string? Value => value;

        public void Dispose()
        {
            if (value is not null && Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                router.Unregister(value);
            }
        }
    }
}
