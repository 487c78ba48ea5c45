using System;

namespace Billing
{
    public class CustomerNotFoundException : Exception
    {
        public CustomerNotFoundException(int customerId)
            : base("Customer " + customerId + " does not exist.")
        {
            CustomerId = customerId;
        }

        public int CustomerId { get; }
    }
}
