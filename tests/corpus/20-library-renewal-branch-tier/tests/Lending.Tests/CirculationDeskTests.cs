using Lending;

namespace Lending.Tests
{
    public class CirculationDeskTests
    {
        private static readonly LendingTier Adult = new LendingTier { Name = "Adult", LoanDays = 21, MaxItems = 3, MaxRenewals = 1 };
        private static readonly LendingTier Student = new LendingTier { Name = "Student", LoanDays = 28, MaxItems = 10, MaxRenewals = 3 };
        private static readonly DateOnly Monday = new DateOnly(2026, 3, 2);

        private static CirculationDesk Desk()
        {
            return new CirculationDesk(new Branch { Code = "CEN", DefaultTier = Adult });
        }

        [Fact]
        public void Checkout_UsesMembersTier()
        {
            var member = new Member { CardNumber = "2001", Name = "Ana", Tier = Student };

            var loan = Desk().Checkout(member, "B-1", Monday);

            Assert.Equal(Monday.AddDays(28), loan.DueOn);
        }

        [Fact]
        public void Checkout_MemberWithoutTier_UsesBranchDefault()
        {
            var member = new Member { CardNumber = "2002", Name = "Bo" };

            var loan = Desk().Checkout(member, "B-2", Monday);

            Assert.Equal(Monday.AddDays(21), loan.DueOn);
        }

        [Fact]
        public void Renew_ExtendsFromToday()
        {
            var desk = Desk();
            var member = new Member { CardNumber = "2003", Name = "Cy", Tier = Student };
            desk.Checkout(member, "B-3", Monday);

            var renewed = desk.Renew(member, "B-3", Monday.AddDays(20));

            Assert.Equal(Monday.AddDays(48), renewed.DueOn);
            Assert.Equal(1, renewed.Renewals);
        }

        [Fact]
        public void Renew_PastLimit_IsRefused()
        {
            var desk = Desk();
            var member = new Member { CardNumber = "2004", Name = "Di", Tier = Adult };
            desk.Checkout(member, "B-4", Monday);
            desk.Renew(member, "B-4", Monday.AddDays(7));

            Assert.Throws<RenewalRefusedException>(() => desk.Renew(member, "B-4", Monday.AddDays(14)));
        }

        [Fact]
        public void Allowance_MemberWithoutTier_DescribesBranchDefault()
        {
            Assert.Equal("Adult: up to 3 items for 21 days", Desk().Allowance(new Member { CardNumber = "2005" }));
        }
    }
}
