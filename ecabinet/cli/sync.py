"""Sync commands: `profile init`, `keys show|export|import|trust|rotate|revoke`, `export`, `import`.

The passphrase that unlocks this installation's keys comes from ECABINET_PASSPHRASE, from the file given
with --passphrase-file, or — at a terminal — from a prompt. `import` exits 0 when the package was applied or
had been applied already, and 2 with the reason when it was refused; `import --dry-run` says what it would
do, the same way, and changes nothing.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import uuid
from pathlib import Path

from sqlalchemy import select

from ecabinet.cli.common import CliError, Groups, acting_user, emit, jsonable, local, member_ref, table
from ecabinet.db import Database
from ecabinet.errors import InvalidInput
from ecabinet.messages import render
from ecabinet.model import Member
from ecabinet.model.sync import ProfileRole
from ecabinet.security import keystore
from ecabinet.security.keystore import Keyring, Profile
from ecabinet.services.actor import Actor, load_actor
from ecabinet.sync import keys as K
from ecabinet.sync.exporter import ExportPlan, export_package, plan_export
from ecabinet.sync.importer import import_package

PASSPHRASE_ENV = "ECABINET_PASSPHRASE"


def _passphrase(args: argparse.Namespace, confirm: bool = False) -> str:
    path = getattr(args, "passphrase_file", None)
    if path:
        text = Path(path).read_text(encoding="utf-8")
        return text[:-1] if text.endswith("\n") else text
    if os.environ.get(PASSPHRASE_ENV):
        return os.environ[PASSPHRASE_ENV]
    if sys.stdin.isatty():
        first = getpass.getpass("Passphrase: ")
        if confirm and getpass.getpass("Passphrase again: ") != first:
            raise CliError("the two passphrases differ; nothing was changed")
        return first
    raise InvalidInput("sync_no_passphrase")


def _profile(database: Database) -> Profile:
    profile = K.require_profile(database.home)
    K.check_installation(profile, database.installation_id)
    return profile


def _unlock(args: argparse.Namespace, database: Database) -> Keyring:
    _profile(database)
    return keystore.unlock(database.home, _passphrase(args))


def _actor(args: argparse.Namespace, database: Database, profile: Profile) -> Actor | None:
    """Secretariat: `--as` or the first officer. A laptop: its member, once the directory has arrived."""
    with database.read() as s:
        if profile.role is ProfileRole.SECRETARIAT:
            return acting_user(s, args.as_member)
        assert profile.member_id is not None
        if s.get(Member, profile.member_id) is None:
            return None
        return load_actor(s, profile.member_id)


def _json(args: argparse.Namespace) -> None:
    args.json = args.json or getattr(args, "json_after", False)


# --- profile ---------------------------------------------------------------------------------------------------


def cmd_profile_init(args: argparse.Namespace, database: Database) -> int:
    role = ProfileRole.SECRETARIAT if args.secretariat else ProfileRole.MEMBER
    member_id: uuid.UUID | None = None
    with database.read() as s:
        if role is ProfileRole.MEMBER:
            try:
                member_id = uuid.UUID(args.member)
            except ValueError:
                member_id = member_ref(s, args.member)
        actor: Actor | None = None
        if role is ProfileRole.SECRETARIAT:
            actor = acting_user(s, args.as_member) if s.execute(select(Member.id).limit(1)).first() else None
        elif s.get(Member, member_id) is not None:
            assert member_id is not None
            actor = load_actor(s, member_id)
    if keystore.load_profile(database.home) is not None:
        raise InvalidInput("sync_profile_exists")
    passphrase = _passphrase(args, confirm=True)
    with database.write(actor) as s:
        info = K.init_profile(s, actor, database.home, database.installation_id, role, member_id, passphrase)

    def human() -> None:
        who = "the secretariat" if info.role is ProfileRole.SECRETARIAT else f"member {info.member_id}"
        print(f"This installation is now {who}'s ({info.installation_id}).")
        print(f"Key fingerprint: {info.current.fingerprint}")
        print("Give your key file (`ecabinet keys export --out FILE`) to the other side and read this")
        print("fingerprint to them by phone; they trust it with `ecabinet keys trust FINGERPRINT`.")

    emit(args, info, human)
    return 0


def cmd_profile_idle_lock(args: argparse.Namespace, database: Database) -> int:
    _profile(database)
    profile = keystore.set_idle_lock(database.home, args.minutes)
    emit(
        args,
        {"idle_lock_minutes": profile.idle_lock_minutes},
        lambda: print(f"The keys lock after {profile.idle_lock_minutes} minutes without input (0: never)."),
    )
    return 0


# --- keys ------------------------------------------------------------------------------------------------------


def cmd_keys_show(args: argparse.Namespace, database: Database) -> int:
    _json(args)
    profile = _profile(database)
    with database.read() as s:
        info = K.profile_info(s, profile)
        known = K.list_keys(s, profile)

    def human() -> None:
        who = (
            "secretariat"
            if info.role is ProfileRole.SECRETARIAT
            else f"member {info.member_name or info.member_id}"
        )
        print(f"This installation: {who}, {info.installation_id}")
        print(f"  fingerprint {info.current.fingerprint}")
        print(f"  created {local(info.current.created)}; keys lock after {info.idle_lock_minutes} min idle")
        peers = [k for k in known if k.installation_id != info.installation_id]
        if peers:
            print()
            table(
                [
                    (
                        k.fingerprint[:19],
                        k.role.value,
                        k.member_name or (str(k.member_id)[:8] if k.member_id else "-"),
                        str(k.installation_id)[:8],
                        k.status,
                        local(k.created),
                    )
                    for k in peers
                ],
                ("FINGERPRINT", "ROLE", "MEMBER", "INSTALL.", "STATUS", "CREATED"),
            )

    emit(args, {"profile": info, "keys": known}, human)
    return 0


def cmd_keys_export(args: argparse.Namespace, database: Database) -> int:
    from ecabinet.storage.atomic import atomic_write

    profile = _profile(database)
    out = Path(args.out)
    atomic_write(out, (profile.current.document + "\n").encode("utf-8"))
    emit(
        args,
        {"path": str(out), "fingerprint": profile.current.fingerprint},
        lambda: print(f"Key file written to {out}\nFingerprint: {profile.current.fingerprint}"),
    )
    return 0


def cmd_keys_import(args: argparse.Namespace, database: Database) -> int:
    profile = _profile(database)
    data = Path(args.file).read_bytes()[: keystore.MAX_KEY_FILE + 1]
    actor = _actor(args, database, profile)
    with database.write(actor) as s:
        info = K.import_key(s, actor, profile, data)

    def human() -> None:
        who = (
            "the secretariat"
            if info.role is ProfileRole.SECRETARIAT
            else (info.member_name or str(info.member_id))
        )
        print(f"Key of {who} ({info.status}).")
        print(f"Fingerprint: {info.fingerprint}")
        if info.status == "untrusted":
            print("Compare it with the owner by phone, then: ecabinet keys trust FINGERPRINT")
        elif info.rotated_from:
            print("Trusted: it replaces a key you trusted, which signed it.")

    emit(args, info, human)
    return 0


def cmd_keys_trust(args: argparse.Namespace, database: Database) -> int:
    profile = _profile(database)
    actor = _actor(args, database, profile)
    with database.write(actor) as s:
        info = K.trust_key(s, actor, profile, " ".join(args.fingerprint))
    emit(args, info, lambda: print(f"Trusted: {info.member_name or info.role.value}, {info.fingerprint}"))
    return 0


def cmd_keys_rotate(args: argparse.Namespace, database: Database) -> int:
    profile = _profile(database)
    actor = _actor(args, database, profile)
    passphrase = _passphrase(args)
    with database.write(actor) as s:
        old, new = K.rotate_keys(s, actor, database.home, passphrase)
    emit(
        args,
        {"old": old, "new": new},
        lambda: print(
            f"New keys made, signed by the old key.\nFingerprint: {new.fingerprint}\n"
            "Export the key file and import it on every peer; they accept it without a new phone check."
        ),
    )
    return 0


def cmd_keys_revoke(args: argparse.Namespace, database: Database) -> int:
    profile = _profile(database)
    actor = _actor(args, database, profile)
    with database.write(actor) as s:
        info = K.revoke_key(s, actor, profile, " ".join(args.fingerprint), args.reason)
    emit(args, info, lambda: print(f"Revoked: {info.fingerprint} ({info.revoked_reason})"))
    return 0


# --- packages --------------------------------------------------------------------------------------------------


def cmd_export(args: argparse.Namespace, database: Database) -> int:
    profile = _profile(database)
    actor = _actor(args, database, profile)
    with database.read() as s:
        if profile.role is ProfileRole.MEMBER:
            if args.to.strip().lower() != "secretariat":
                raise CliError("a member's laptop exports only to the secretariat: use --to secretariat")
            peer = K.peer_secretariat(s, profile.installation_id)
        else:
            peer = K.peer_for_member(s, member_ref(s, args.to))
        peer_installation = peer.installation_id
    if args.dry_run:
        plan = plan_export(database, profile, actor, peer_installation, encrypt=not args.no_encrypt)
        emit(
            args,
            {**jsonable(plan), "upserts": plan.upserts, "deletes": plan.deletes},
            lambda: _print_plan(plan),
        )
        return 0
    if not args.out:
        raise CliError("say where the package goes with --out FILE.ecab (or look first with --dry-run)")
    keyring = _unlock(args, database)
    result = export_package(
        database, keyring, actor, peer_installation, Path(args.out), encrypt=not args.no_encrypt
    )

    def human() -> None:
        print(
            f"Package #{result.sequence} for {result.recipient_name} written to {result.path} "
            f"({result.size:,} bytes{', encrypted' if result.encrypted else ''})."
        )
        print(
            f"  {result.upserts} records, {result.deletes} withdrawals, {result.files} files"
            + (f" ({result.watermarked} watermarked)" if result.watermarked else "")
        )
        for name, count in result.tables:
            print(f"    {name}: {count}")

    emit(args, {**jsonable(result), "path": str(result.path)}, human)
    return 0


def _print_plan(plan: ExportPlan) -> None:
    print(f"Package #{plan.sequence} for {plan.recipient_name} would carry (dry run: nothing was written):")
    print(
        f"  {plan.upserts} records, {plan.deletes} withdrawals, {plan.files} files of {plan.file_bytes:,} bytes"
        + (f" ({plan.watermarked} watermarked)" if plan.watermarked else "")
    )
    for counted in plan.tables:
        withdrawn = f", {counted.deletes} withdrawn" if counted.deletes else ""
        print(f"    {counted.table}: {counted.upserts} sent{withdrawn}")
    print(f"  about {plan.estimated_size:,} bytes{', encrypted' if plan.encrypted else ''}")


def cmd_import(args: argparse.Namespace, database: Database) -> int:
    profile = _profile(database)
    actor = _actor(args, database, profile)
    keyring = _unlock(args, database)
    result = import_package(database, keyring, Path(args.file), actor, dry_run=args.dry_run)

    def human() -> None:
        if result.dry_run:
            print("Dry run: every check passed; nothing was changed.")
        if result.already_applied:
            date = local(result.applied_at)
            print(render("sync_already_applied", args.lang, {"date": date}))
            return
        verb = "Would apply" if result.dry_run else "Applied"
        print(
            f"{verb} package #{result.sequence} from {result.sender_name}: {result.inserted} added, "
            f"{result.updated} changed, {result.deleted} removed, {result.unchanged} unchanged, "
            f"{result.files} files."
        )
        for name, count in result.tables:
            print(f"    {name}: {count}")
        for refused in result.refused:
            print(f"  {'would be refused' if result.dry_run else 'refused'}: {refused.message(args.lang)}")
        for notice in result.notices:
            print(f"  from the secretariat: {notice.message(args.lang)}")

    emit(args, result, human)
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], groups: Groups) -> None:
    def passphrase_option(parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "--passphrase-file",
            metavar="FILE",
            help=f"read the passphrase from FILE (else ${PASSPHRASE_ENV})",
        )

    profile = sub.add_parser("profile", help="this installation: the secretariat's or a member's laptop")
    pro = profile.add_subparsers(dest="profile_command", required=True, metavar="ACTION")
    init = pro.add_parser("init", help="first start: choose the role and make the keys")
    role = init.add_mutually_exclusive_group(required=True)
    role.add_argument("--secretariat", action="store_true", help="the secretariat's installation")
    role.add_argument(
        "--member", metavar="MEMBER", help="a member's laptop (the member id the secretariat gave)"
    )
    passphrase_option(init)
    init.set_defaults(func=cmd_profile_init)
    idle = pro.add_parser("idle-lock", help="minutes without input before the app locks the keys (0: never)")
    idle.add_argument("minutes", type=int)
    idle.set_defaults(func=cmd_profile_idle_lock)

    keys = sub.add_parser("keys", help="key files, fingerprints and trust").add_subparsers(
        dest="keys_command", required=True, metavar="ACTION"
    )
    show = keys.add_parser("show", help="this installation's fingerprint and the keys it knows")
    show.add_argument("--json", dest="json_after", action="store_true", help="machine-readable output")
    show.set_defaults(func=cmd_keys_show)
    export = keys.add_parser("export", help="write this installation's public key file")
    export.add_argument("--out", required=True, metavar="FILE")
    export.set_defaults(func=cmd_keys_export)
    imp = keys.add_parser("import", help="read a peer's key file (trusted only after `keys trust`)")
    imp.add_argument("file", metavar="FILE")
    imp.set_defaults(func=cmd_keys_import)
    trust = keys.add_parser("trust", help="confirm a key after comparing its fingerprint by phone")
    trust.add_argument("fingerprint", nargs="+", metavar="FINGERPRINT")
    trust.set_defaults(func=cmd_keys_trust)
    rotate = keys.add_parser("rotate", help="make new keys, signed by the old ones")
    passphrase_option(rotate)
    rotate.set_defaults(func=cmd_keys_rotate)
    revoke = keys.add_parser("revoke", help="stop accepting a peer's key (a lost laptop)")
    revoke.add_argument("fingerprint", nargs="+", metavar="FINGERPRINT")
    revoke.add_argument("--reason", required=True)
    revoke.set_defaults(func=cmd_keys_revoke)

    exp = sub.add_parser("export", help="write a sync package for a member's laptop or for the secretariat")
    exp.add_argument("--to", required=True, metavar="MEMBER", help="a member (name or id), or `secretariat`")
    exp.add_argument("--out", metavar="FILE.ecab", help="where to write the package (not with --dry-run)")
    exp.add_argument(
        "--no-encrypt",
        action="store_true",
        help="sign only (refused when the package holds classified content)",
    )
    exp.add_argument(
        "--dry-run",
        action="store_true",
        help="show what the package would carry and its size; write nothing (no passphrase needed)",
    )
    passphrase_option(exp)
    exp.set_defaults(func=cmd_export)

    im = sub.add_parser(
        "import", help="check a sync package and apply it whole, or refuse it with the reason"
    )
    im.add_argument("file", metavar="FILE.ecab")
    im.add_argument(
        "--dry-run",
        action="store_true",
        help="check the package and try it, then roll back: say what would be applied or refused",
    )
    passphrase_option(im)
    im.set_defaults(func=cmd_import)
