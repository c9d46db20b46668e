import RefkitModel

/// How `KitLoader` lists a kit's folders: only the files each folder may hold (others are
/// reported, never skipped silently), every symlink resolved and kept inside the kit, and no walk
/// without end through a symlink loop.
extension KitLoader {
    /// The names of the `ext` files in `folder` (or `also`'s: `.yaml` beside `.yml`), sorted.
    /// Other entries are reported, never skipped silently; dot-files (`.gitkeep`, `.DS_Store`) are
    /// ignored, as Hugo and Jekyll do.
    func listFiles(_ folder: String, extension ext: String, also: String? = nil, required: Bool,
                           into kit: inout LoadedKit, allowedDirectories: Set<String> = []) -> [String]? {
        let path = absolute(folder)
        guard let kind = fileSystem.kind(at: path) else {
            if required {
                kit.diagnostics.append(.error("missing folder \(folder)/", at: SourceLocation(file: folder)))
            }
            return nil
        }
        guard checkInsideKit(folder, kind: kind, into: &kit) else { return nil }
        let entries: [String]
        do { entries = try fileSystem.contentsOfDirectory(at: path) } catch {
            kit.diagnostics.append(.error("cannot read the folder: \(error.reason)", at: SourceLocation(file: folder)))
            return nil
        }
        var names: [String] = []
        for name in entries where !name.hasPrefix(".") {
            let file = "\(folder)/\(name)"
            let kind = fileSystem.kind(at: absolute(file))
            if kind == .directory, allowedDirectories.contains(name) { continue }
            let matches = [ext] + (also.map { [$0] } ?? [])
            let named = matches.contains(where: { name.hasSuffix($0) && name.count > $0.count })
            if named, kind != .file, kind != .symlink {
                kit.diagnostics.append(.warning(kind == .directory ? "ignored: a folder, not a file" : "ignored: not a regular file (a FIFO, socket or device)",
                                                at: SourceLocation(file: file)))
                continue
            }
            guard named else {
                kit.diagnostics.append(.warning("ignored: \(folder)/ holds only \(matches.map { "*" + $0 }.joined(separator: " and ")) files",
                                                at: SourceLocation(file: file)))
                continue
            }
            if checkInsideKit(file, kind: kind!, into: &kit) { names.append(name) }
        }
        return names
    }

    /// Every file below `folder`, recursively, as kit-relative paths, sorted. A symlink to a folder
    /// that holds it (`x -> .`, `up -> ../..`) is an error, not a walk without end.
    func walk(_ folder: String, into kit: inout LoadedKit) -> [String] {
        guard let kind = fileSystem.kind(at: absolute(folder)),
              checkInsideKit(folder, kind: kind, into: &kit),
              let real = fileSystem.realPath(absolute(folder)) else { return [] }
        return walk(folder, real: real, ancestors: [real], into: &kit)
    }

    /// - Parameters:
    ///   - real: `folder`'s path with symlinks resolved.
    ///   - ancestors: the resolved paths of `folder` and every folder above it in this walk.
    func walk(_ folder: String, real: String, ancestors: Set<String>, into kit: inout LoadedKit) -> [String] {
        guard let entries = try? fileSystem.contentsOfDirectory(at: absolute(folder)) else {
            kit.diagnostics.append(.error("cannot read the folder", at: SourceLocation(file: folder)))
            return []
        }
        var files: [String] = []
        for name in entries where !name.hasPrefix(".") {
            let file = "\(folder)/\(name)"
            guard let kind = fileSystem.kind(at: absolute(file)),
                  checkInsideKit(file, kind: kind, into: &kit) else { continue }
            let target = kind == .symlink ? fileSystem.realPath(absolute(file)) ?? "" : real + "/" + name
            let resolved = kind == .symlink ? fileSystem.kind(at: target) : kind
            switch resolved {
            case .directory:
                guard !Self.isLoop(target, ancestors) else {
                    let holder = target == kitRoot ? "the kit folder" : String(target.dropFirst(kitRoot.count + 1)) + "/"
                    kit.diagnostics.append(.error("symlink loop: it points to \(holder), which holds it", at: SourceLocation(file: file)))
                    continue
                }
                files += walk(file, real: target, ancestors: ancestors.union([target]), into: &kit)
            case .file: files.append(file)
            default:
                kit.diagnostics.append(.warning("ignored: not a regular file", at: SourceLocation(file: file)))
            }
        }
        return files
    }

    /// Whether walking into the folder `target` (a symlink's resolved path) would walk a folder of
    /// `ancestors` (this walk's path, resolved) again: it is one of them or holds one.
    static func isLoop(_ target: String, _ ancestors: Set<String>) -> Bool {
        ancestors.contains { $0 == target || $0.hasPrefix(target + "/") }
    }

    /// A symlink must resolve to somewhere inside the kit directory.
    func checkInsideKit(_ file: String, kind: FileKind, into kit: inout LoadedKit) -> Bool {
        guard kind == .symlink else { return true }
        guard let target = fileSystem.realPath(absolute(file)) else {
            kit.diagnostics.append(.error("broken symlink", at: SourceLocation(file: file)))
            return false
        }
        guard target == kitRoot || target.hasPrefix(kitRoot + "/") else {
            kit.diagnostics.append(.error("symlink points outside the kit (to \(target))", at: SourceLocation(file: file)))
            return false
        }
        return true
    }
}
