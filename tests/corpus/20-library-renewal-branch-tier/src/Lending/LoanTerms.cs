namespace Lending
{
    public static class LoanTerms
    {
        public static DateOnly DueDate(DateOnly from, LendingTier tier)
        {
            return from.AddDays(tier.LoanDays);
        }

        public static bool CanBorrowMore(int itemsOnLoan, LendingTier tier)
        {
            return itemsOnLoan < tier.MaxItems;
        }

        public static bool CanRenew(Loan loan, LendingTier tier)
        {
            return loan.Renewals < tier.MaxRenewals;
        }

        public static int DaysOverdue(Loan loan, DateOnly today)
        {
            var days = today.DayNumber - loan.DueOn.DayNumber;
            return days > 0 ? days : 0;
        }
    }
}
