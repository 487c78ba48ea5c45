namespace Freight.Documents;

public sealed record ManifestHeader(string CarrierCode, string AccountNumber, DateOnly CollectionDate, string Depot, int ConsignmentCount);
