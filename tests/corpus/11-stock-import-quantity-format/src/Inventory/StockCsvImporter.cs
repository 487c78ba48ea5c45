using System.Globalization;

namespace Inventory;

/// <summary>Reads the supplier stock sheet. Bad rows are reported back to the buyer, never half-imported.</summary>
public sealed class StockCsvImporter
{
    public const string Header = "sku,name,quantity,unitCost";

    public ImportResult Import(string csv)
    {
        var result = new ImportResult();
        var lines = csv.ReplaceLineEndings("\n").Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != Header)
        {
            result.Errors.Add(new ImportError(1, "header", $"expected '{Header}'"));
            return result;
        }

        for (var i = 1; i < lines.Length; i++)
        {
            var lineNumber = i + 1;
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var fields = lines[i].Split(',').Select(f => f.Trim()).ToArray();
            if (fields.Length != 4)
            {
                result.Errors.Add(new ImportError(lineNumber, "row", $"expected 4 fields, found {fields.Length}"));
                continue;
            }

            if (!decimal.TryParse(fields[3], NumberStyles.Number, CultureInfo.InvariantCulture, out var unitCost))
            {
                result.Errors.Add(new ImportError(lineNumber, "unitCost", $"'{fields[3]}' is not a number"));
                continue;
            }

            var quantity = int.Parse(fields[2], NumberStyles.Integer, CultureInfo.InvariantCulture);
            result.Items.Add(new StockItem(fields[0], fields[1], quantity, unitCost));
        }

        return result;
    }
}
