namespace Billing
{
    public class Customer
    {
        public int Id { get; set; }
        public string Name { get; set; }
        public string BillingEmail { get; set; }
        public string VatNumber { get; set; }
    }
}
