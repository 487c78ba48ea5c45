using Billing;

namespace Billing.Tests
{
    public class InvoiceServiceTests
    {
        private static InvoiceService CreateService()
        {
            return new InvoiceService(new[]
            {
                new Customer { Id = 1, Name = "Acme Ltd", BillingEmail = " Accounts@Acme.example ", VatNumber = "GB123456789" },
                new Customer { Id = 2, Name = "Jane Doe", BillingEmail = "jane@example.org" },
            });
        }

        [Fact]
        public void Issue_VatRegisteredCustomer_ChargesNoVat()
        {
            var invoice = CreateService().Issue(1, 100m);

            Assert.Equal(0m, invoice.Vat);
            Assert.Equal("accounts@acme.example", invoice.SendTo);
        }

        [Fact]
        public void Issue_ConsumerCustomer_ChargesTwentyPercent()
        {
            var invoice = CreateService().Issue(2, 50m);

            Assert.Equal(10m, invoice.Vat);
            Assert.Equal(60m, invoice.Gross);
        }

        [Fact]
        public void GetDisplayName_UnknownCustomer_ThrowsCustomerNotFound()
        {
            Assert.Throws<CustomerNotFoundException>(() => CreateService().GetDisplayName(99));
        }
    }
}
