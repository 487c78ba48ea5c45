namespace Marketing;

public sealed record Campaign(string Name, decimal Spend, int Impressions, int Clicks, int NewCustomers);
