using System;
using System.Threading.Tasks;
using Heal.VisualStudio.Core.Commands;
using Microsoft.VisualStudio.LanguageServer.Client;
using Newtonsoft.Json.Linq;

namespace Heal.VisualStudio;

/// <summary>Visual Studio's middle layer over <see cref="HealMessageInterceptor"/>, which decides everything.</summary>
public sealed class HealMiddleLayer(HealMessageInterceptor interceptor) : ILanguageClientMiddleLayer2<JToken>
{
    public bool CanHandle(string methodName) => interceptor.CanHandle(methodName);

    public Task<JToken?> HandleRequestAsync(string methodName, JToken methodParam, Func<JToken, Task<JToken?>> sendRequest) =>
        interceptor.HandleRequestAsync(methodName, methodParam, p => sendRequest(p!));

    public Task HandleNotificationAsync(string methodName, JToken methodParam, Func<JToken, Task> sendNotification) =>
        interceptor.HandleNotificationAsync(methodName, methodParam, p => sendNotification(p!));
}
