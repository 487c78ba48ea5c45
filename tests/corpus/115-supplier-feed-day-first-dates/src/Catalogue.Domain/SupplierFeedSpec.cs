namespace Catalogue.Domain;

/// <summary>
/// The stock feed format agreed with Harcourt Supplies (feed spec v3, March 2023): UTF-8 text, a header row,
/// fields separated by semicolons. Quantities are whole numbers, costs use a dot as decimal separator, and
/// dates are day first (<see cref="DateFormat"/>), as is usual in the UK.
/// </summary>
public static class SupplierFeedSpec
{
    public const char Separator = ';';

    /// <summary>The date format of every date field, in both directions.</summary>
    public const string DateFormat = "dd/MM/yyyy";

    public const string Header = "sku;description;qty;unit_cost;available_from";
}
