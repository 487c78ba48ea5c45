using System.Text.Json;

namespace Payments;

/// <summary>Handles the card provider's "payment.succeeded" webhook.</summary>
public sealed class PaymentWebhookHandler
{
    private const decimal ReviewThreshold = 5_000m;
    private readonly PaymentLedger _ledger;

    public PaymentWebhookHandler(PaymentLedger ledger) => _ledger = ledger;

    public bool Handle(string body)
    {
        using var document = JsonDocument.Parse(body);
        var data = document.RootElement.GetProperty("data");
        var amount = data.GetProperty("amount_minor").GetInt64() / 100m;
        var email = data.GetProperty("customer").GetProperty("email").GetString();
        return _ledger.Record(new Payment
        {
            Id = data.GetProperty("id").GetString(),
            Amount = amount,
            Currency = data.GetProperty("currency").GetString().ToUpperInvariant(),
            CustomerEmail = email.Trim().ToLowerInvariant(),
            NeedsReview = amount >= ReviewThreshold,
        });
    }
}
