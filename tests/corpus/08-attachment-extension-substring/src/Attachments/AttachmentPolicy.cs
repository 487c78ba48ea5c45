using System.Collections.Generic;

namespace Attachments
{
    public class AttachmentPolicy
    {
        private static readonly HashSet<string> Allowed = new HashSet<string> { ".pdf", ".png", ".jpg", ".csv", ".txt" };

        private readonly long _maxBytes;

        public AttachmentPolicy(long maxBytes)
        {
            _maxBytes = maxBytes;
        }

        public UploadDecision Check(string fileName, long sizeBytes)
        {
            if (sizeBytes > _maxBytes)
            {
                return UploadDecision.Reject("File is larger than " + (_maxBytes / 1024) + " KB.");
            }

            var extension = FileNames.Extension(fileName);
            if (!Allowed.Contains(extension))
            {
                return UploadDecision.Reject("Files of type '" + extension + "' are not accepted.");
            }

            return UploadDecision.Accept(FileNames.Sanitise(FileNames.BaseName(fileName)) + extension);
        }
    }

    public class UploadDecision
    {
        private UploadDecision(bool accepted, string storedName, string reason)
        {
            Accepted = accepted;
            StoredName = storedName;
            Reason = reason;
        }

        public bool Accepted { get; }
        public string StoredName { get; }
        public string Reason { get; }

        public static UploadDecision Accept(string storedName) => new UploadDecision(true, storedName, null);

        public static UploadDecision Reject(string reason) => new UploadDecision(false, null, reason);
    }
}
