using Heal.Core.Model;

namespace Heal.Delivery;

/// <summary>What to deliver: the event and its group, where the event came from, the diagnosis and its validation.</summary>
public sealed record DeliveryContentInput(
    ErrorEvent Event,
    ErrorGroup? Group,
    EventOrigin Origin,
    Diagnosis Diagnosis,
    ValidationReport Report,
    string Patch);
