using Heal.Core.Model;
using Heal.Delivery;
using Heal.Validation;

namespace Heal.Pipeline;

/// <param name="RepositoryRoot">The user's repository; read-only unless delivery creates a <c>heal/…</c> branch in it.</param>
/// <param name="Deliver">False stops after validation (the language server's "Heal this error" offers the patch first).</param>
public sealed record HealRequest(
    string RepositoryRoot,
    ErrorEvent Event,
    ErrorGroup? Group,
    EventOrigin Origin,
    ValidationPolicy Validation,
    DeliveryOptions Delivery,
    bool Deliver = true);
