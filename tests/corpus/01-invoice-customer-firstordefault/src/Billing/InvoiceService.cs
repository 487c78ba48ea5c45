using System;
using System.Collections.Generic;
using System.Linq;

namespace Billing
{
    public class InvoiceService
    {
        private readonly List<Customer> _customers;
        private readonly List<Invoice> _invoices = new List<Invoice>();
        private int _nextNumber = 1000;

        public InvoiceService(IEnumerable<Customer> customers)
        {
            _customers = customers.ToList();
        }

        public string GetDisplayName(int customerId)
        {
            var customer = _customers.FirstOrDefault(c => c.Id == customerId);
            if (customer == null)
            {
                throw new CustomerNotFoundException(customerId);
            }

            return customer.Name;
        }

        public bool IsVatRegistered(int customerId)
        {
            var customer = _customers.FirstOrDefault(c => c.Id == customerId);
            if (customer == null)
            {
                throw new CustomerNotFoundException(customerId);
            }

            return !string.IsNullOrWhiteSpace(customer.VatNumber);
        }

        public string GetBillingEmail(int customerId)
        {
            var customer = _customers.FirstOrDefault(c => c.Id == customerId);
            return customer.BillingEmail.Trim().ToLowerInvariant();
        }

        public Invoice Issue(int customerId, decimal net)
        {
            var vatRate = IsVatRegistered(customerId) ? 0m : 0.20m;
            var invoice = new Invoice
            {
                Number = "INV-" + _nextNumber++,
                CustomerId = customerId,
                Net = net,
                Vat = Math.Round(net * vatRate, 2),
                SendTo = GetBillingEmail(customerId),
            };
            _invoices.Add(invoice);
            return invoice;
        }

        public IReadOnlyList<Invoice> InvoicesFor(int customerId)
        {
            return _invoices.Where(i => i.CustomerId == customerId).ToList();
        }
    }
}
