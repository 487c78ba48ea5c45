using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace Heal.LanguageServer.Handlers;

/// <summary>
/// Reads a request's params (or a command's argument) into a protocol type, or refuses them with an invalid-params error
/// that says where, in the client's own terms: <c>hover: invalid params at $.position.line</c>, <c>… $.textDocument is
/// missing</c>. Never a .NET type name or exception text. A member not declared nullable must be present: System.Text.Json
/// would leave it null and the handler would fail on it.
/// </summary>
public static class ParamsReader
{
    private static readonly ConcurrentDictionary<Type, RequiredMember[]> s_required = new();

    /// <summary>The value, or throws <see cref="LocalRpcException"/> (invalid params) whose message starts with <paramref name="what"/>.</summary>
    public static T Read<T>(JsonElement json, JsonSerializerOptions options, string what)
    {
        T? value;
        try
        {
            value = json.Deserialize<T>(options);
        }
        catch (JsonException e)
        {
            throw Invalid(e.Path is { Length: > 0 } path ? $"{what} at {path}" : what);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw Invalid(what);
        }

        if (value is null)
        {
            throw Invalid($"{what}: $ is null");
        }

        return FindMissing(value, "$", options) is { } missing ? throw Invalid($"{what}: {missing} is missing") : value;
    }

    public static LocalRpcException Invalid(string message) => new(message) { ErrorCode = (int)JsonRpcErrorCode.InvalidParams };

    /// <summary>The JSON path of the first member not declared nullable that is null, looking into nested protocol records and lists.</summary>
    private static string? FindMissing(object value, string path, JsonSerializerOptions options)
    {
        if (value is IEnumerable list and not string)
        {
            var i = 0;
            foreach (var item in list)
            {
                if (item is not null && FindMissing(item, $"{path}[{i}]", options) is { } missing)
                {
                    return missing;
                }

                i++;
            }

            return null;
        }

        foreach (var member in s_required.GetOrAdd(value.GetType(), type => RequiredMembers(type, options)))
        {
            var memberValue = member.Property.GetValue(value);
            var memberPath = path + "." + member.JsonName;
            if (memberValue is null)
            {
                if (member.Required)
                {
                    return memberPath;
                }

                continue;
            }

            if (member.Nested && FindMissing(memberValue, memberPath, options) is { } missing)
            {
                return missing;
            }
        }

        return null;
    }

    /// <summary>Only our protocol records are looked into; strings, JSON elements and value types hold no members to check.</summary>
    private static RequiredMember[] RequiredMembers(Type type, JsonSerializerOptions options)
    {
        if (type.Namespace != typeof(Protocol.Position).Namespace)
        {
            return [];
        }

        var nullability = new NullabilityInfoContext();
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetMethod is not null && !p.PropertyType.IsValueType && p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .Select(p => new RequiredMember(
                p,
                p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? options.PropertyNamingPolicy?.ConvertName(p.Name) ?? p.Name,
                nullability.Create(p).ReadState == NullabilityState.NotNull,
                p.PropertyType != typeof(string)))
            .ToArray();
    }

    private sealed record RequiredMember(PropertyInfo Property, string JsonName, bool Required, bool Nested);
}
