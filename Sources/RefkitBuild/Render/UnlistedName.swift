import CLibCrypto
import RefkitModel

/// Folder names for unlisted kits: `S-` followed by the first 12 hex digits of
/// HMAC-SHA256(secret, S), so a kit's address cannot be guessed from the source's name.
/// HMAC comes from the system's libcrypto (OpenSSL), not a copy of our own.
public enum UnlistedName {
    /// What follows the slug: `-` and 12 hex digits.
    public static let suffixLength = 13

    public static func folder(for slug: String, secret: String) -> String {
        let key = Array(secret.utf8), message = Array(slug.utf8)
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        _ = key.withUnsafeBufferPointer { keyBuffer in
            message.withUnsafeBufferPointer { messageBuffer in
                HMAC(EVP_sha256(), keyBuffer.baseAddress, Int32(key.count), messageBuffer.baseAddress, message.count,
                     &digest, &length)
            }
        }
        let hex = hexDigits(of: digest.prefix(Int(length)))
        return slug + "-" + hex.prefix(suffixLength - 1)
    }
}
