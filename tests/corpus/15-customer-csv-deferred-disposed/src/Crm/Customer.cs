namespace Crm;

public sealed record Customer(string Id, string Name, string Email, bool Active, string Segment);
