namespace Warehouse;

public class Pallet
{
    public string Location { get; set; }
    public string Sku { get; set; }
    public int Cases { get; set; }
    public int UnitsPerCase { get; set; }
    public int GramsPerCase { get; set; }
}
