namespace Lending
{
    public class CirculationDesk
    {
        private readonly Branch _branch;
        private readonly List<Loan> _loans = new List<Loan>();

        public CirculationDesk(Branch branch)
        {
            _branch = branch;
        }

        public IReadOnlyList<Loan> Loans
        {
            get { return _loans; }
        }

        public Loan Checkout(Member member, string barcode, DateOnly today)
        {
            var tier = member.Tier ?? _branch.DefaultTier;
            var onLoan = _loans.Count(l => l.CardNumber == member.CardNumber);
            if (!LoanTerms.CanBorrowMore(onLoan, tier))
            {
                throw new InvalidOperationException($"{member.Name} already has {onLoan} items on loan.");
            }

            var loan = new Loan(member.CardNumber, barcode, today, LoanTerms.DueDate(today, tier), 0);
            _loans.Add(loan);
            return loan;
        }

        public Loan Renew(Member member, string barcode, DateOnly today)
        {
            var index = _loans.FindIndex(l => l.CardNumber == member.CardNumber && l.Barcode == barcode);
            if (index < 0)
            {
                throw new InvalidOperationException($"Item {barcode} is not on loan to {member.CardNumber}.");
            }

            var loan = _loans[index];
            if (!LoanTerms.CanRenew(loan, member.Tier))
            {
                throw new RenewalRefusedException(barcode, "renewal limit reached");
            }

            var renewed = loan with { DueOn = LoanTerms.DueDate(today, member.Tier), Renewals = loan.Renewals + 1 };
            _loans[index] = renewed;
            return renewed;
        }

        public string Allowance(Member member)
        {
            var tier = member.Tier ?? _branch.DefaultTier;
            return $"{tier.Name}: up to {tier.MaxItems} items for {tier.LoanDays} days";
        }

        public IReadOnlyList<Loan> Overdue(DateOnly today)
        {
            return _loans.Where(l => LoanTerms.DaysOverdue(l, today) > 0).ToList();
        }
    }
}
