namespace Freight.Dispatch;

public sealed record Consignment(string Reference, string Postcode, int Parcels, decimal WeightKg, string Service);
