using Heal.Core.Model;

namespace Heal.Delivery.Body;

public sealed record DeliveryContent(
    ErrorEvent Event,
    ErrorGroup? Group,
    EventOrigin Origin,
    Diagnosis Diagnosis,
    ValidationReport Report,
    string Patch,
    AutoMergeDecision AutoMerge);
