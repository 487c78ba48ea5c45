namespace Agency;

public sealed record Sale(string PropertyRef, string Branch, decimal Price, decimal FeeRate, IReadOnlyList<string> AgentIds, DateOnly CompletedOn)
{
    public decimal Fee => Math.Round(Price * FeeRate, 2, MidpointRounding.AwayFromZero);
}

public sealed record Share(string AgentId, decimal Amount);
