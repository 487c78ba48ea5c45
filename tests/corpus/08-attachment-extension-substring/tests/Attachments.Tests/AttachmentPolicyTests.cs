using Attachments;
using Xunit;

namespace Attachments.Tests
{
    public class AttachmentPolicyTests
    {
        [Fact]
        public void Check_PdfUnderLimit_AcceptsWithSanitisedName()
        {
            var decision = new AttachmentPolicy(1024 * 1024).Check("Q3 report.PDF", 2048);

            Assert.True(decision.Accepted);
            Assert.Equal("Q3_report.pdf", decision.StoredName);
        }

        [Fact]
        public void Check_Executable_Rejects()
        {
            var decision = new AttachmentPolicy(1024 * 1024).Check("setup.exe", 10);

            Assert.False(decision.Accepted);
            Assert.Equal("Files of type '.exe' are not accepted.", decision.Reason);
        }

        [Fact]
        public void BaseName_NoDot_IsWholeName()
        {
            Assert.Equal("Makefile", FileNames.BaseName("Makefile"));
        }
    }
}
