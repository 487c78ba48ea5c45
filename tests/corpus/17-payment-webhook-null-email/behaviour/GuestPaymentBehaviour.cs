using Payments;

namespace Payments.Behaviour.Tests;

// The product owner's decision (not inferable from the code): a wallet payment without an e-mail is still money
// received, so it is recorded, with no e-mail, and flagged for a human to match it to a customer.
public class GuestPaymentBehaviour
{
    private const string WalletPayment = """{"type":"payment.succeeded","data":{"id":"pay_9","amount_minor":2500,"currency":"eur","customer":{"email":null}}}""";

    [Fact]
    public void Handle_NoEmail_RecordsPaymentForReview()
    {
        var ledger = new PaymentLedger();

        Assert.True(new PaymentWebhookHandler(ledger).Handle(WalletPayment));

        var payment = Assert.Single(ledger.Payments);
        Assert.Null(payment.CustomerEmail);
        Assert.True(payment.NeedsReview);
        Assert.Equal(25m, payment.Amount);
    }
}
