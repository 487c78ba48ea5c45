namespace Lending
{
    public class LendingTier
    {
        public string Name { get; set; }
        public int LoanDays { get; set; }
        public int MaxItems { get; set; }
        public int MaxRenewals { get; set; }
    }

    public class Branch
    {
        public string Code { get; set; }
        public LendingTier DefaultTier { get; set; }
    }

    public class Member
    {
        public string CardNumber { get; set; }
        public string Name { get; set; }
        public LendingTier Tier { get; set; }
    }

    public record Loan(string CardNumber, string Barcode, DateOnly BorrowedOn, DateOnly DueOn, int Renewals);

    public class RenewalRefusedException : Exception
    {
        public RenewalRefusedException(string barcode, string reason)
            : base($"Item {barcode} cannot be renewed: {reason}")
        {
            Barcode = barcode;
        }

        public string Barcode { get; }
    }
}
