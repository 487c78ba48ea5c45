namespace Billing
{
    public class Invoice
    {
        public string Number { get; set; }
        public int CustomerId { get; set; }
        public decimal Net { get; set; }
        public decimal Vat { get; set; }
        public decimal Gross => Net + Vat;
        public string SendTo { get; set; }
    }
}
