using System.Text.Json;

namespace Payments;

/// <summary>Handles the card provider's "refund.succeeded" webhook by recording a negative payment.</summary>
public sealed class RefundWebhookHandler
{
    private readonly PaymentLedger _ledger;

    public RefundWebhookHandler(PaymentLedger ledger) => _ledger = ledger;

    public bool Handle(string body)
    {
        using var document = JsonDocument.Parse(body);
        var data = document.RootElement.GetProperty("data");
        return _ledger.Record(new Payment
        {
            Id = data.GetProperty("id").GetString(),
            Amount = -data.GetProperty("amount_minor").GetInt64() / 100m,
            Currency = data.GetProperty("currency").GetString().ToUpperInvariant(),
            CustomerEmail = data.GetProperty("customer").GetProperty("email").GetString().Trim().ToLowerInvariant(),
        });
    }
}
