
      export type PossibleTypesResultData = {
  "possibleTypes": {
    "ArchitectureCreateResult": [
      "ArchitectureCreatePayload",
      "BaseError",
      "ConflictError",
      "ValidationError"
    ],
    "ArchitectureDeleteResult": [
      "ArchitectureDeletePayload",
      "BaseError",
      "ConflictError",
      "InUseError",
      "NotFoundError"
    ],
    "ArchitectureUpdateResult": [
      "ArchitectureUpdatePayload",
      "BaseError",
      "ConflictError",
      "NotFoundError",
      "ValidationError"
    ],
    "ComputeResourceCreateResult": [
      "BaseError",
      "ComputeResourceCreatePayload",
      "ConflictError",
      "ValidationError"
    ],
    "ComputeResourceDeleteResult": [
      "BaseError",
      "ComputeResourceDeletePayload",
      "ConflictError",
      "InUseError",
      "NotFoundError"
    ],
    "ComputeResourceUpdateResult": [
      "BaseError",
      "ComputeResourceUpdatePayload",
      "ConflictError",
      "NotFoundError",
      "ValidationError"
    ],
    "Error": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "InUseError",
      "InvalidManifestError",
      "InvalidStatusTransitionError",
      "NotFoundError",
      "ProtectedImageError",
      "ReadOnlyMetadataError",
      "SourceUnavailableError",
      "UrlRefusedError",
      "ValidationError"
    ],
    "ImageCreateResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "ImageCreatePayload",
      "ValidationError"
    ],
    "ImageDeactivateResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "ImageDeactivatePayload",
      "InvalidStatusTransitionError",
      "NotFoundError"
    ],
    "ImageDeleteResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "ImageDeletePayload",
      "InvalidStatusTransitionError",
      "NotFoundError",
      "ProtectedImageError"
    ],
    "ImageImportResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "ImageImportPayload",
      "InvalidManifestError",
      "SourceUnavailableError",
      "UrlRefusedError",
      "ValidationError"
    ],
    "ImageMemberAddResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "ImageMemberAddPayload",
      "NotFoundError",
      "ValidationError"
    ],
    "ImageMemberRemoveResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "ImageMemberRemovePayload",
      "NotFoundError"
    ],
    "ImageMemberUpdateResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "ImageMemberUpdatePayload",
      "NotFoundError",
      "ValidationError"
    ],
    "ImageMetadataDeleteResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "ImageMetadataDeletePayload",
      "NotFoundError",
      "ReadOnlyMetadataError",
      "ValidationError"
    ],
    "ImageMetadataReplaceResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "ImageMetadataReplacePayload",
      "NotFoundError",
      "ReadOnlyMetadataError",
      "ValidationError"
    ],
    "ImageMetadataSetResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "ImageMetadataSetPayload",
      "NotFoundError",
      "ReadOnlyMetadataError",
      "ValidationError"
    ],
    "ImageReactivateResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "ImageReactivatePayload",
      "InvalidStatusTransitionError",
      "NotFoundError"
    ],
    "ImageRenameResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "ImageRenamePayload",
      "NotFoundError",
      "ValidationError"
    ],
    "ImageReplicateResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "ImageReplicatePayload",
      "NotFoundError",
      "ValidationError"
    ],
    "ImageTagAddResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "ImageTagAddPayload",
      "NotFoundError",
      "ValidationError"
    ],
    "ImageTagRemoveResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "ImageTagRemovePayload",
      "NotFoundError",
      "ValidationError"
    ],
    "ImageUpdateResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "ImageUpdatePayload",
      "NotFoundError",
      "ValidationError"
    ],
    "Node": [
      "Architecture",
      "ComputeResource",
      "Image",
      "OperatingSystem",
      "Project",
      "Region",
      "Reseller",
      "Task"
    ],
    "OperatingSystemCreateResult": [
      "BaseError",
      "ConflictError",
      "OperatingSystemCreatePayload",
      "ValidationError"
    ],
    "OperatingSystemDeleteResult": [
      "BaseError",
      "ConflictError",
      "InUseError",
      "NotFoundError",
      "OperatingSystemDeletePayload"
    ],
    "OperatingSystemUpdateResult": [
      "BaseError",
      "ConflictError",
      "NotFoundError",
      "OperatingSystemUpdatePayload",
      "ValidationError"
    ],
    "ProjectCreateResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "ProjectCreatePayload",
      "ValidationError"
    ],
    "ProjectDeleteResult": [
      "BaseError",
      "ConflictError",
      "InUseError",
      "NotFoundError",
      "ProjectDeletePayload"
    ],
    "ProjectUpdateResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "ProjectUpdatePayload",
      "ValidationError"
    ],
    "RegionCreateResult": [
      "BaseError",
      "ConflictError",
      "RegionCreatePayload",
      "ValidationError"
    ],
    "RegionDeleteResult": [
      "BaseError",
      "ConflictError",
      "InUseError",
      "NotFoundError",
      "RegionDeletePayload"
    ],
    "RegionUpdateResult": [
      "BaseError",
      "ConflictError",
      "NotFoundError",
      "RegionUpdatePayload",
      "ValidationError"
    ],
    "ResellerCreateResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "ResellerCreatePayload",
      "ValidationError"
    ],
    "ResellerDeleteResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "InUseError",
      "NotFoundError",
      "ResellerDeletePayload"
    ],
    "ResellerImageLimitsDeleteResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "ResellerImageLimitsDeletePayload",
      "ValidationError"
    ],
    "ResellerImageLimitsSetResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "ResellerImageLimitsSetPayload",
      "ValidationError"
    ],
    "ResellerUpdateResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "ResellerUpdatePayload",
      "ValidationError"
    ],
    "SharedImageDeleteResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "SharedImageDeletePayload",
      "ValidationError"
    ],
    "SharedImageSetResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "SharedImageSetPayload",
      "ValidationError"
    ]
  }
};
      const result: PossibleTypesResultData = {
  "possibleTypes": {
    "ArchitectureCreateResult": [
      "ArchitectureCreatePayload",
      "BaseError",
      "ConflictError",
      "ValidationError"
    ],
    "ArchitectureDeleteResult": [
      "ArchitectureDeletePayload",
      "BaseError",
      "ConflictError",
      "InUseError",
      "NotFoundError"
    ],
    "ArchitectureUpdateResult": [
      "ArchitectureUpdatePayload",
      "BaseError",
      "ConflictError",
      "NotFoundError",
      "ValidationError"
    ],
    "ComputeResourceCreateResult": [
      "BaseError",
      "ComputeResourceCreatePayload",
      "ConflictError",
      "ValidationError"
    ],
    "ComputeResourceDeleteResult": [
      "BaseError",
      "ComputeResourceDeletePayload",
      "ConflictError",
      "InUseError",
      "NotFoundError"
    ],
    "ComputeResourceUpdateResult": [
      "BaseError",
      "ComputeResourceUpdatePayload",
      "ConflictError",
      "NotFoundError",
      "ValidationError"
    ],
    "Error": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "InUseError",
      "InvalidManifestError",
      "InvalidStatusTransitionError",
      "NotFoundError",
      "ProtectedImageError",
      "ReadOnlyMetadataError",
      "SourceUnavailableError",
      "UrlRefusedError",
      "ValidationError"
    ],
    "ImageCreateResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "ImageCreatePayload",
      "ValidationError"
    ],
    "ImageDeactivateResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "ImageDeactivatePayload",
      "InvalidStatusTransitionError",
      "NotFoundError"
    ],
    "ImageDeleteResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "ImageDeletePayload",
      "InvalidStatusTransitionError",
      "NotFoundError",
      "ProtectedImageError"
    ],
    "ImageImportResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "ImageImportPayload",
      "InvalidManifestError",
      "SourceUnavailableError",
      "UrlRefusedError",
      "ValidationError"
    ],
    "ImageMemberAddResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "ImageMemberAddPayload",
      "NotFoundError",
      "ValidationError"
    ],
    "ImageMemberRemoveResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "ImageMemberRemovePayload",
      "NotFoundError"
    ],
    "ImageMemberUpdateResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "ImageMemberUpdatePayload",
      "NotFoundError",
      "ValidationError"
    ],
    "ImageMetadataDeleteResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "ImageMetadataDeletePayload",
      "NotFoundError",
      "ReadOnlyMetadataError",
      "ValidationError"
    ],
    "ImageMetadataReplaceResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "ImageMetadataReplacePayload",
      "NotFoundError",
      "ReadOnlyMetadataError",
      "ValidationError"
    ],
    "ImageMetadataSetResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "ImageMetadataSetPayload",
      "NotFoundError",
      "ReadOnlyMetadataError",
      "ValidationError"
    ],
    "ImageReactivateResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "ImageReactivatePayload",
      "InvalidStatusTransitionError",
      "NotFoundError"
    ],
    "ImageRenameResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "ImageRenamePayload",
      "NotFoundError",
      "ValidationError"
    ],
    "ImageReplicateResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "ImageReplicatePayload",
      "NotFoundError",
      "ValidationError"
    ],
    "ImageTagAddResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "ImageTagAddPayload",
      "NotFoundError",
      "ValidationError"
    ],
    "ImageTagRemoveResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "ImageTagRemovePayload",
      "NotFoundError",
      "ValidationError"
    ],
    "ImageUpdateResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "ImageUpdatePayload",
      "NotFoundError",
      "ValidationError"
    ],
    "Node": [
      "Architecture",
      "ComputeResource",
      "Image",
      "OperatingSystem",
      "Project",
      "Region",
      "Reseller",
      "Task"
    ],
    "OperatingSystemCreateResult": [
      "BaseError",
      "ConflictError",
      "OperatingSystemCreatePayload",
      "ValidationError"
    ],
    "OperatingSystemDeleteResult": [
      "BaseError",
      "ConflictError",
      "InUseError",
      "NotFoundError",
      "OperatingSystemDeletePayload"
    ],
    "OperatingSystemUpdateResult": [
      "BaseError",
      "ConflictError",
      "NotFoundError",
      "OperatingSystemUpdatePayload",
      "ValidationError"
    ],
    "ProjectCreateResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "ProjectCreatePayload",
      "ValidationError"
    ],
    "ProjectDeleteResult": [
      "BaseError",
      "ConflictError",
      "InUseError",
      "NotFoundError",
      "ProjectDeletePayload"
    ],
    "ProjectUpdateResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "ProjectUpdatePayload",
      "ValidationError"
    ],
    "RegionCreateResult": [
      "BaseError",
      "ConflictError",
      "RegionCreatePayload",
      "ValidationError"
    ],
    "RegionDeleteResult": [
      "BaseError",
      "ConflictError",
      "InUseError",
      "NotFoundError",
      "RegionDeletePayload"
    ],
    "RegionUpdateResult": [
      "BaseError",
      "ConflictError",
      "NotFoundError",
      "RegionUpdatePayload",
      "ValidationError"
    ],
    "ResellerCreateResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "ResellerCreatePayload",
      "ValidationError"
    ],
    "ResellerDeleteResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "InUseError",
      "NotFoundError",
      "ResellerDeletePayload"
    ],
    "ResellerImageLimitsDeleteResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "ResellerImageLimitsDeletePayload",
      "ValidationError"
    ],
    "ResellerImageLimitsSetResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "ResellerImageLimitsSetPayload",
      "ValidationError"
    ],
    "ResellerUpdateResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "ResellerUpdatePayload",
      "ValidationError"
    ],
    "SharedImageDeleteResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "SharedImageDeletePayload",
      "ValidationError"
    ],
    "SharedImageSetResult": [
      "BaseError",
      "ConflictError",
      "ForbiddenError",
      "NotFoundError",
      "SharedImageSetPayload",
      "ValidationError"
    ]
  }
};
      export default result;
    