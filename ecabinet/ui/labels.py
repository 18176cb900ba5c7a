"""Translated names of the domain's enums, for every view to show the same words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ecabinet.model import Classification, DocumentKind, ItemKind, Role, SessionKind, SessionState

# Each label is spelt out with a literal context and text so that pyside6-lupdate can find it.


def session_kind(kind: SessionKind) -> str:
    return {
        SessionKind.REGULAR: QCoreApplication.translate("SessionKind", "Regular"),
        SessionKind.THEMATIC: QCoreApplication.translate("SessionKind", "Thematic"),
        SessionKind.EXTRAORDINARY: QCoreApplication.translate("SessionKind", "Extraordinary"),
        SessionKind.STANDING: QCoreApplication.translate("SessionKind", "Standing members' meeting"),
    }[kind]


def session_state(state: SessionState) -> str:
    return {
        SessionState.DRAFT: QCoreApplication.translate("SessionState", "Draft"),
        SessionState.PUBLISHED: QCoreApplication.translate("SessionState", "Published"),
        SessionState.IN_PROGRESS: QCoreApplication.translate("SessionState", "In progress"),
        SessionState.CLOSED: QCoreApplication.translate("SessionState", "Closed"),
        SessionState.MINUTES_APPROVED: QCoreApplication.translate("SessionState", "Minutes approved"),
    }[state]


def item_kind(kind: ItemKind) -> str:
    return {
        ItemKind.DECISION: QCoreApplication.translate("ItemKind", "Decision"),
        ItemKind.DISCUSSION: QCoreApplication.translate("ItemKind", "Discussion"),
        ItemKind.INFORMATION: QCoreApplication.translate("ItemKind", "Information"),
    }[kind]


def document_kind(kind: DocumentKind) -> str:
    return {
        DocumentKind.SUBMISSION: QCoreApplication.translate("DocumentKind", "Submission"),
        DocumentKind.DRAFT: QCoreApplication.translate("DocumentKind", "Draft"),
        DocumentKind.APPRAISAL: QCoreApplication.translate("DocumentKind", "Appraisal report"),
        DocumentKind.ANNEX: QCoreApplication.translate("DocumentKind", "Annex"),
        DocumentKind.OTHER: QCoreApplication.translate("DocumentKind", "Other document"),
    }[kind]


def classification(level: Classification) -> str:
    return {
        Classification.NORMAL: QCoreApplication.translate("Classification", "Normal"),
        Classification.CONFIDENTIAL: QCoreApplication.translate("Classification", "Confidential"),
        Classification.SECRET: QCoreApplication.translate("Classification", "Secret"),
        Classification.TOP_SECRET: QCoreApplication.translate("Classification", "Top secret"),
    }[level]


def role_group(role: Role) -> str:
    """The heading of a group of people in the profile picker."""
    return {
        Role.SECRETARIAT_LEADER: QCoreApplication.translate("Role", "Secretariat leaders"),
        Role.SECRETARIAT: QCoreApplication.translate("Role", "Secretariat officers"),
        Role.MEMBER: QCoreApplication.translate("Role", "Government members"),
        Role.GUEST: QCoreApplication.translate("Role", "Invited guests"),
    }[role]


ROLE_ORDER = (Role.SECRETARIAT_LEADER, Role.SECRETARIAT, Role.MEMBER, Role.GUEST)


def role(value: Role) -> str:
    """One person's role, for the status line."""
    return {
        Role.SECRETARIAT_LEADER: QCoreApplication.translate("Role", "Secretariat leader"),
        Role.SECRETARIAT: QCoreApplication.translate("Role", "Secretariat officer"),
        Role.MEMBER: QCoreApplication.translate("Role", "Government member"),
        Role.GUEST: QCoreApplication.translate("Role", "Invited guest"),
    }[value]
