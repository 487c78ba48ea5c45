namespace Tax
{
    /// <summary>An order as delivered by the marketplace partner's feed; fields are copied as sent.</summary>
    public sealed class MarketplaceOrder
    {
        public string OrderId { get; set; }
        public string ShipToCountry { get; set; }
        public decimal Net { get; set; }
    }
}
