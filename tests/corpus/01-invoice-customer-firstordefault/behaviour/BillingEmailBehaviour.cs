using Billing;

namespace Billing.Behaviour.Tests
{
    public class BillingEmailBehaviour
    {
        private static InvoiceService CreateService()
        {
            return new InvoiceService(new[] { new Customer { Id = 1, Name = "Acme Ltd", BillingEmail = "Accounts@Acme.example" } });
        }

        [Fact]
        public void GetBillingEmail_UnknownCustomer_ThrowsCustomerNotFound()
        {
            var e = Assert.Throws<CustomerNotFoundException>(() => CreateService().GetBillingEmail(42));
            Assert.Equal(42, e.CustomerId);
        }

        [Fact]
        public void Issue_UnknownCustomer_ThrowsCustomerNotFoundAndIssuesNothing()
        {
            var service = CreateService();

            Assert.Throws<CustomerNotFoundException>(() => service.Issue(42, 10m));
            Assert.Empty(service.InvoicesFor(42));
        }

        [Fact]
        public void GetBillingEmail_KnownCustomer_IsNormalised()
        {
            Assert.Equal("accounts@acme.example", CreateService().GetBillingEmail(1));
        }
    }
}
