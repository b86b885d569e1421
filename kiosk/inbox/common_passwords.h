// The common-password list shipped with the package (deploy/inbox/common-passwords.txt), built in.
#pragma once

namespace inbox {

const char* CommonPasswords();

}  // namespace inbox
