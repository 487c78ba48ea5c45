using Payments;

namespace Payments.Tests;

public class PaymentWebhookHandlerTests
{
    private static string Body(string id, long minor, string email) =>
        "{\"type\":\"payment.succeeded\",\"data\":{\"id\":\"" + id + "\",\"amount_minor\":" + minor
        + ",\"currency\":\"gbp\",\"customer\":{\"email\":\"" + email + "\"}}}";

    [Fact]
    public void Handle_Payment_RecordsNormalisedEmail()
    {
        var ledger = new PaymentLedger();

        Assert.True(new PaymentWebhookHandler(ledger).Handle(Body("pay_1", 1999, " Ann@Example.org")));

        Assert.Equal(19.99m, ledger.TotalFor("ann@example.org"));
    }

    [Fact]
    public void Handle_Retry_RecordsOnce()
    {
        var ledger = new PaymentLedger();
        var handler = new PaymentWebhookHandler(ledger);

        handler.Handle(Body("pay_2", 500, "b@example.org"));

        Assert.False(handler.Handle(Body("pay_2", 500, "b@example.org")));
        Assert.Single(ledger.Payments);
    }

    [Fact]
    public void Handle_LargePayment_NeedsReview()
    {
        var ledger = new PaymentLedger();

        new PaymentWebhookHandler(ledger).Handle(Body("pay_3", 750_000, "c@example.org"));

        Assert.True(Assert.Single(ledger.Payments).NeedsReview);
    }
}
