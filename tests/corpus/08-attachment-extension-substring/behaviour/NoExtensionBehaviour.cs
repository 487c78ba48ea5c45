using Attachments;
using Xunit;

namespace Attachments.Behaviour.Tests
{
    public class NoExtensionBehaviour
    {
        [Fact]
        public void Extension_NoDot_IsEmpty()
        {
            Assert.Equal("", FileNames.Extension("README"));
        }

        [Fact]
        public void Extension_Dotted_IsLowerCasedWithDot()
        {
            Assert.Equal(".csv", FileNames.Extension("export.2024.CSV"));
        }

        [Fact]
        public void Check_NoExtension_RejectsWithEmptyType()
        {
            var decision = new AttachmentPolicy(1024).Check("README", 10);

            Assert.False(decision.Accepted);
            Assert.Equal("Files of type '' are not accepted.", decision.Reason);
        }
    }
}
