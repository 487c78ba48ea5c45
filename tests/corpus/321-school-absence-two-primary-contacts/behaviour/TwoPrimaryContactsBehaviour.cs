using System.Linq;
using Attendance;

namespace Attendance.Behaviour.Tests
{
    public class TwoPrimaryContactsBehaviour
    {
        [Fact]
        public void For_TwoPrimaryContacts_CallsBothInRecordedOrder()
        {
            var pupil = new Pupil { Upn = "K1", Name = "Kai", Form = "9T" };
            pupil.Guardians.Add(new Guardian { Name = "Step-dad", Phone = "1", IsPrimaryContact = false });
            pupil.Guardians.Add(new Guardian { Name = "Mum", Phone = "2", IsPrimaryContact = true });
            pupil.Guardians.Add(new Guardian { Name = "Dad", Phone = "3", IsPrimaryContact = true });
            var other = new Pupil { Upn = "L1", Name = "Lia", Form = "9T" };
            other.Guardians.Add(new Guardian { Name = "Aunt", Phone = "4", IsPrimaryContact = true });

            var calls = AbsenceCalls.For(new[] { pupil, other }, Register.UnexplainedAbsences("K1,N\nL1,N"));

            Assert.Equal(new[] { "Mum", "Dad", "Aunt" }, calls.Select(c => c.GuardianName));
            Assert.Equal(new[] { "2", "3", "4" }, calls.Select(c => c.Phone));
            Assert.All(calls.Take(2), c => Assert.Equal("K1", c.Upn));
        }
    }
}
