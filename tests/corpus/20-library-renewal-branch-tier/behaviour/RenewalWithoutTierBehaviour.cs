using Lending;

namespace Lending.Behaviour.Tests
{
    // A member migrated without a tier borrows on the branch's default tier; renewing must use the same
    // terms (this branch's default is unusual on purpose: 14 days, 2 renewals).
    public class RenewalWithoutTierBehaviour
    {
        private static readonly LendingTier Community = new LendingTier { Name = "Community", LoanDays = 14, MaxItems = 5, MaxRenewals = 2 };
        private static readonly DateOnly Start = new DateOnly(2026, 5, 4);

        private static CirculationDesk Desk()
        {
            return new CirculationDesk(new Branch { Code = "NTH", DefaultTier = Community });
        }

        [Fact]
        public void Renew_MemberWithoutTier_ExtendsByBranchDefaultLoanDays()
        {
            var desk = Desk();
            var member = new Member { CardNumber = "9001", Name = "Legacy" };
            desk.Checkout(member, "X-1", Start);

            var renewed = desk.Renew(member, "X-1", Start.AddDays(10));

            Assert.Equal(Start.AddDays(24), renewed.DueOn);
            Assert.Equal(1, renewed.Renewals);
            Assert.Equal(renewed, Assert.Single(desk.Loans));
        }

        [Fact]
        public void Renew_MemberWithoutTier_RefusedAfterBranchDefaultRenewals()
        {
            var desk = Desk();
            var member = new Member { CardNumber = "9002", Name = "Legacy" };
            desk.Checkout(member, "X-2", Start);
            desk.Renew(member, "X-2", Start.AddDays(7));
            desk.Renew(member, "X-2", Start.AddDays(14));

            Assert.Throws<RenewalRefusedException>(() => desk.Renew(member, "X-2", Start.AddDays(21)));
        }

        [Fact]
        public void LoanTerms_StillUseTheTierTheyAreGiven()
        {
            var loan = new Loan("9003", "X-3", Start, Start.AddDays(14), 1);

            Assert.True(LoanTerms.CanRenew(loan, Community));
            Assert.Equal(Start.AddDays(14), LoanTerms.DueDate(Start, Community));
        }
    }
}
