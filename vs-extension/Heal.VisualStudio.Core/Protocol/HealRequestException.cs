using System;
using System.Text.RegularExpressions;

namespace Heal.VisualStudio.Core.Protocol;

/// <summary>A heal/* request the server answered with an error, or could not answer because it stopped.</summary>
public sealed class HealRequestException : Exception
{
    /// <summary>LSP's RequestFailed: the request was valid but the server could not do it (a declined patch, a failed push).</summary>
    public const int RequestFailed = -32803;

    public const int InvalidParams = -32602;

    /// <summary>No JSON-RPC code: the connection was lost.</summary>
    public const int ConnectionLost = 0;

    public HealRequestException(int code, string message)
        : base(message)
    {
        Code = code;
    }

    public int Code { get; }

    /// <summary>The server's reason as a user reads it: without the method-name prefix and the final period.</summary>
    public string Reason => Regex.Replace(Message, @"^heal/\w+: ", "").TrimEnd('.');
}
