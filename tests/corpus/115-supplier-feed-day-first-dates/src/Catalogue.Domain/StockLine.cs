namespace Catalogue.Domain;

/// <summary>A supplier's offer of one product, as read from its stock feed.</summary>
/// <param name="AvailableFrom">First day the supplier can ship the quantity.</param>
public sealed record StockLine(string SupplierSku, string Description, int Quantity, decimal UnitCost, DateOnly AvailableFrom);
