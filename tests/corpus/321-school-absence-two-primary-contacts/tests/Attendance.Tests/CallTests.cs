using System.Linq;
using Attendance;

namespace Attendance.Tests
{
    public class CallTests
    {
        private static Pupil P(string upn, string form, params (string Name, bool Primary)[] guardians)
        {
            var p = new Pupil { Upn = upn, Name = "Pupil " + upn, Form = form };
            foreach (var g in guardians) p.Guardians.Add(new Guardian { Name = g.Name, Phone = "0113 496 " + upn, IsPrimaryContact = g.Primary });
            return p;
        }

        [Fact]
        public void UnexplainedAbsences_OnlyN() =>
            Assert.Equal(new[] { "A1" }, Register.UnexplainedAbsences("A1,N\nA2,/\nA3,I").ToArray());

        [Fact]
        public void For_CallsPrimaryContact_OrFirstGuardian()
        {
            var pupils = new[] { P("B", "7R", ("Dad", false), ("Mum", true)), P("A", "7R", ("Gran", false), ("Uncle", false)), P("C", "8S", ("X", true)) };
            var calls = AbsenceCalls.For(pupils, Register.UnexplainedAbsences("A,N\nB,N"));
            Assert.Equal(new[] { "Gran", "Mum" }, calls.Select(c => c.GuardianName));
        }
    }
}
